using Isolation.Traces;

namespace Isolation.Model.Rules;

/// <summary>The result sort of a hook's rule: allow (<c>None</c>) or the errno it fails the call with.</summary>
public static class Decision
{
    /// <summary>The enumeration <c>Errno</c> of the answers hooks give.</summary>
    public static Sort Sort { get; } = Sort.Enum("Errno", "None", "EPERM", "EACCES", "ENOENT", "EINVAL", "EAFNOSUPPORT");

    /// <summary>Allow.</summary>
    public static Expr Allow { get; } = Expr.Member(Sort, "None");

    /// <summary>Fail with <paramref name="errno"/>.</summary>
    public static Expr Deny(Errno errno) => Expr.Member(Sort, errno.ToString());

    /// <summary>Allow when <paramref name="condition"/> holds, else fail with <paramref name="errno"/>.</summary>
    public static Expr AllowIf(Expr condition, Errno errno) => Expr.Ite(condition, Allow, Deny(errno));

    /// <summary>Fail with <paramref name="errno"/> when <paramref name="condition"/> holds, else allow.</summary>
    public static Expr DenyIf(Expr condition, Errno errno) => Expr.Ite(condition, Deny(errno), Allow);

    /// <summary>Whether a decision term denies.</summary>
    public static Expr Denies(Expr decision) => Expr.Ne(decision, Allow);

    // The errno of each member, by index.
    private static readonly Errno[] Errnos = [.. Sort.Members.Select(Enum.Parse<Errno>)];

    /// <summary>The errno of an evaluated decision.</summary>
    public static Errno ToErrno(UInt128 value) => Errnos[(int)value];
}
