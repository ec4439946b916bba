using System.Collections.Immutable;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Kernel.Tasks;
using Isolation.Model.Syscalls;
using Isolation.Traces.Syntax;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>
/// An open /proc directory. getdents64 answers with the model's extension of the format: the
/// output argument is the array of the logical names of the processes the caller can see (alive
/// or zombie, not hidden by task_lookup), in creation order, and the result is their number. The
/// first call lists them all; later calls on the same open file find the end (<c>[]</c>, 0).
/// </summary>
/// <remarks>fs/proc/base.c proc_pid_readdir (6.12), with the task_lookup filter of seed 001.</remarks>
public sealed class ProcRootFile : DirectoryFile
{
    /// <summary>Index of getdents64's buffer argument.</summary>
    public const int BufferArg = 1;

    /// <summary>Opens <paramref name="root"/>.</summary>
    public ProcRootFile(ProcRoot root)
        : base(root)
    {
    }

    /// <inheritdoc/>
    public override SyscallOutcome Getdents(SyscallContext ctx, OpenFile file, int count)
    {
        var names = ImmutableArray.CreateBuilder<Expr>();
        if (file.Position == 0)
        {
            foreach (var task in ctx.Kernel.Tasks)
            {
                if (task.State != TaskState.Dead && ctx.Kernel.Security.TaskLookup(ctx.Caller, task) == Isolation.Traces.Errno.None)
                {
                    names.Add(SymbolExpr.Of(task.Name));
                }
            }

            file.Position = 1;
        }

        return SyscallOutcome.Ok(names.Count).WithOutput(BufferArg, new ArrayExpr(names.ToImmutable(), false, SourceSpan.None));
    }
}
