using System.Text;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Kernel.Fds;
using Isolation.Model.Syscalls;
using Isolation.Traces;

namespace Isolation.Model.Kernel.Fs.Proc;

/// <summary>
/// An open <c>/proc/&lt;pid&gt;/uid_map</c>, <c>gid_map</c> or <c>setgroups</c> of a task in
/// <c>ns</c>; reads and writes go to the user-namespace model (<see cref="UserNamespaces"/>), with
/// the opener's credentials (file->f_cred).
/// </summary>
/// <remarks>kernel/user_namespace.c proc_uid_map_write, proc_gid_map_write, proc_setgroups_show/write (6.12).</remarks>
public sealed class ProcIdMapFile : FileObject
{
    private readonly UserNamespace _ns;
    private readonly ProcFileKind _kind;
    private readonly Cred _opener;

    /// <summary>Opens the <paramref name="kind"/> file of <paramref name="ns"/>, opened with <paramref name="opener"/>.</summary>
    public ProcIdMapFile(UserNamespace ns, ProcFileKind kind, Cred opener)
    {
        _ns = ns;
        _kind = kind;
        _opener = opener;
    }

    /// <inheritdoc/>
    public override bool CanSeek => true;

    /// <inheritdoc/>
    public override SyscallOutcome Read(SyscallContext ctx, OpenFile file, int count)
    {
        var text = _kind == ProcFileKind.Setgroups
            ? (_ns.SetgroupsAllowed ? "allow\n" : "deny\n")
            : UserNamespaces.FormatMap(_ns, _opener.UserNs, gid: _kind == ProcFileKind.GidMap);
        return FileContent.Read(file, Encoding.UTF8.GetBytes(text), count);
    }

    /// <inheritdoc/>
    public override SyscallOutcome Write(SyscallContext ctx, OpenFile file, ReadOnlyMemory<byte> data)
    {
        var text = Encoding.UTF8.GetString(data.Span);
        var error = _kind switch
        {
            ProcFileKind.UidMap => UserNamespaces.WriteUidMap(ctx.Kernel, ctx.Caller, _ns, text, file.Position, _opener),
            ProcFileKind.GidMap => UserNamespaces.WriteGidMap(ctx.Kernel, ctx.Caller, _ns, text, file.Position, _opener),
            _ => UserNamespaces.WriteSetgroups(_ns, text, file.Position),
        };
        if (error != Errno.None)
        {
            return SyscallOutcome.Fail(error);
        }

        file.Position += data.Length;
        return SyscallOutcome.Ok(data.Length);
    }
}
