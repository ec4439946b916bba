namespace Isolation.Model.Syscalls;

/// <summary>The model of one system call: reads its arguments from the context, changes the kernel, answers.</summary>
public delegate SyscallOutcome SyscallHandler(SyscallContext ctx);
