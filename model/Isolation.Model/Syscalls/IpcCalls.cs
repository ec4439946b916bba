namespace Isolation.Model.Syscalls;

/// <summary>The system calls of one family.</summary>
internal static class IpcCalls
{
    /// <summary>Adds this family's calls to <paramref name="table"/>.</summary>
    public static void Register(SyscallTable table)
    {
    }
}
