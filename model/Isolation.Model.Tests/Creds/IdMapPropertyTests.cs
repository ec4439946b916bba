using FsCheck;
using FsCheck.Fluent;
using Isolation.Model.Kernel.Creds;
using Isolation.Model.Tests.Tasks;
using Isolation.Traces;

namespace Isolation.Model.Tests.Creds;

/// <summary>Properties of id maps written by a privileged parent: kernel/user_namespace.c map_id_down and map_id_up (6.12).</summary>
public sealed class IdMapPropertyTests
{
    [Fact]
    public void AMappedRange_MapsDownAndBackUp_AndNothingOutsideItIsMapped() =>
        Prop.ForAll<uint, uint, uint>((inside, outside, sizes) =>
        {
            var n = Math.Max(1u, sizes & 0xffff);
            var probe = sizes >> 16;
            var first = inside % (uint.MaxValue - n);
            var lower = outside % (uint.MaxValue - n);
            var h = new ProcHarness();
            h.Setup("p1 fork()", "p2 unshare(CLONE_NEWUSER)");
            var ns = h.P(2).Cred.UserNs;
            if (UserNamespaces.WriteUidMap(h.Kernel, h.P(1), ns, $"{first} {lower} {n}\n") != Errno.None)
            {
                return false;
            }

            var offset = probe % (n + 1);
            var kuid = ns.MakeKuid(first + (long)offset);
            return offset < n
                ? kuid == unchecked((int)(lower + offset)) && ns.FromKuid(kuid) == first + offset
                : kuid == -1 && ns.FromKuid(unchecked((int)(lower + n))) == -1;
        }).QuickCheckThrowOnFailure();
}
