namespace Isolation.Model.Kernel.Fs;

/// <summary>The small file system scenarios reach: <c>/tmp</c>, <c>/proc</c>, cgroup control files.</summary>
public sealed class FileSystem
{
}
