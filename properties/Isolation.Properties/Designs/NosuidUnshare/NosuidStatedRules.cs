using Isolation.Model.Abi;
using Isolation.Model.Designs.NosuidUnshare;
using Isolation.Model.Designs.RlimitNetwork;
using Isolation.Model.Rules;
using Isolation.Properties.Stated;

namespace Isolation.Properties.Designs.NosuidUnshare;

/// <summary>nosuid-unshare's claims over the inputs of <see cref="NosuidRules"/>.</summary>
/// <remarks>Seed 004_395e695cd1b36f96.txt, Biederman, 2009-12-18 and 2009-12-24.</remarks>
public static class NosuidStatedRules
{
    private static Expr NoSuid => NosuidRules.NoSuid.Var;

    /// <summary>"a permanent disable of executing suid applications": no exec raises a flagged task's ids or capabilities.</summary>
    public static StatedRule Exec { get; } = new(
        NosuidUnshareDesign.Name,
        $"{NosuidUnshareDesign.Name}/no-privilege-gain",
        "bprm_creds_from_file",
        RlimitNetworkDesign.Source,
        "Biederman: \"I propose you introduce a permanent disable of executing suid applications.\"",
        NoSuid & NosuidRules.Gains);

    /// <summary>"allow unsharing of the network namespace if executing suid applications are disabled": exactly then, and only that namespace.</summary>
    public static StatedInvariant Unshare { get; } = new(
        NosuidUnshareDesign.Name,
        $"{NosuidUnshareDesign.Name}/unshare-net-only-with-nosuid",
        "unshare_permit",
        RlimitNetworkDesign.Source,
        "Biederman: \"Another trivial patch to allow unsharing of the network namespace if executing suid applications are disabled.\"",
        Expr.Eq(
            NosuidRules.UnsharePermit.Body,
            NoSuid & Expr.Eq(Expr.BvAnd(NosuidRules.UnshareFlags.Var, Expr.Bv((ulong)(CloneFlags.NamespacesButUser | CloneFlags.NewUser), 64)), Expr.Bv((ulong)CloneFlags.NewNet, 64))));

    /// <summary>"one-way": once set, the flag stays set.</summary>
    public static StatedInvariant OneWay { get; } = new(
        NosuidUnshareDesign.Name,
        $"{NosuidUnshareDesign.Name}/one-way",
        "task_prctl",
        RlimitNetworkDesign.Source,
        "Biederman: \"A one-way removal of the ability to exec suid programs is generally simple and handy like chroot\"",
        Expr.Implies(NoSuid, NosuidRules.NoSuidAfterSet.Body))
    {
        IsMonotonicity = true,
    };
}
