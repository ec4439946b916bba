using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Traces.Syntax;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Ipc;

/// <summary>
/// IPC_STAT answers in strace's spelling, reduced to what the model keeps: the perm structure
/// (ids as the reader's user namespace sees them), the kind's size and count fields, then
/// <c>...</c> for the pids and times, which only a real kernel knows.
/// </summary>
public static class IpcRender
{
    /// <summary><c>{&lt;prefix&gt;_perm={uid=0, gid=0, mode=0600, key=1234, cuid=0, cgid=0}, &lt;fields&gt;, ...}</c>.</summary>
    public static StructExpr Stat(string prefix, IpcObject obj, Task reader, params (string Name, long Value)[] fields)
    {
        var ns = reader.Cred.UserNs;
        var perm = new StructExpr(
            [
                Field("uid", IntExpr.Of(ns.FromKuidMunged(obj.Uid))),
                Field("gid", IntExpr.Of(ns.FromKgidMunged(obj.Gid))),
                Field("mode", FileModes.Octal(obj.Mode)),
                Field("key", IntExpr.Of(obj.Key)),
                Field("cuid", IntExpr.Of(ns.FromKuidMunged(obj.Cuid))),
                Field("cgid", IntExpr.Of(ns.FromKgidMunged(obj.Cgid))),
            ],
            SourceSpan.None);
        var all = ImmutableArray.CreateBuilder<Expr>();
        all.Add(Field(prefix + "_perm", perm));
        foreach (var (name, value) in fields)
        {
            all.Add(Field(name, IntExpr.Of(value)));
        }

        all.Add(new EllipsisExpr(SourceSpan.None));
        return new StructExpr(all.ToImmutable(), SourceSpan.None);
    }

    private static FieldExpr Field(string name, Expr value) => new(name, value, SourceSpan.None);
}
