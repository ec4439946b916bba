namespace Isolation.Model.Designs.SocketTable;

/// <summary>
/// A rule's target (<c>-j</c>) or a chain's policy. "If it gets though OK we allow the operation
/// to proceed, else we fail with EPERM": DROP and REJECT both fail the call with EPERM (a fake
/// packet has nobody to send an ICMP error to, so REJECT cannot differ from DROP).
/// </summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt, Menage's proposal point 1.</remarks>
public enum SocketVerdict
{
    /// <summary>The call proceeds.</summary>
    Accept,

    /// <summary>The call fails with EPERM.</summary>
    Drop,

    /// <summary>The call fails with EPERM (only a rule may say REJECT; a policy may not, as in iptables).</summary>
    Reject,
}
