namespace Isolation.Model.Kernel.Fs;

/// <summary>One mount made by mount(2) (or present at start), as /proc/self/mounts would list it.</summary>
/// <param name="Source">The source argument (device, directory of a bind mount, or any name).</param>
/// <param name="Target">The target path as given.</param>
/// <param name="FsType">The file system type (<c>tmpfs</c>), or empty for a bind, move, remount or propagation change.</param>
/// <param name="Flags">The MS_* flags.</param>
/// <param name="Root">The root of what is mounted, or of the mount changed.</param>
public sealed record MountRecord(string Source, string Target, string FsType, long Flags, Inode Root);
