using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Traces.Syntax;
using Task = Isolation.Model.Kernel.Tasks.Task;

namespace Isolation.Model.Kernel.Ipc;

/// <summary>
/// IPC_STAT answers in strace's spelling, without the fields that depend on the clock: the perm
/// structure (ids as the reader's user namespace sees them, the key in hex), then the kind's
/// fields, pids as logical names (0 when nobody has used the object yet).
/// </summary>
public static class IpcRender
{
    /// <summary><c>{&lt;prefix&gt;_perm={uid=0, gid=0, mode=0600, key=0x4d2, cuid=0, cgid=0}, &lt;fields&gt;}</c>.</summary>
    public static StructExpr Stat(string prefix, IpcObject obj, Task reader, params (string Name, Expr Value)[] fields)
    {
        var ns = reader.Cred.UserNs;
        var perm = new StructExpr(
            [
                Field("uid", IntExpr.Of(ns.FromKuidMunged(obj.Uid))),
                Field("gid", IntExpr.Of(ns.FromKgidMunged(obj.Gid))),
                Field("mode", FileModes.Octal(obj.Mode)),
                Field("key", Hex(obj.Key)),
                Field("cuid", IntExpr.Of(ns.FromKuidMunged(obj.Cuid))),
                Field("cgid", IntExpr.Of(ns.FromKgidMunged(obj.Cgid))),
            ],
            SourceSpan.None);
        var all = ImmutableArray.CreateBuilder<Expr>();
        all.Add(Field(prefix + "_perm", perm));
        foreach (var (name, value) in fields)
        {
            all.Add(Field(name, value));
        }

        return new StructExpr(all.ToImmutable(), SourceSpan.None);
    }

    /// <summary>A number field.</summary>
    public static Expr Number(long value) => IntExpr.Of(value);

    /// <summary>A pid field: the task's logical name, or 0 for none.</summary>
    public static Expr Pid(Task? task) => task is null ? IntExpr.Of(0) : SymbolExpr.Of(task.Name);

    // strace prints the key with %#x: 0x4d2, and 0 as 0.
    private static IntExpr Hex(int key) =>
        key == 0 ? IntExpr.Of(0) : new IntExpr(key, "0x" + ((uint)key).ToString("x", System.Globalization.CultureInfo.InvariantCulture), SourceSpan.None);

    private static FieldExpr Field(string name, Expr value) => new(name, value, SourceSpan.None);
}
