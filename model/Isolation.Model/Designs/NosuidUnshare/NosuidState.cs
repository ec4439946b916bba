namespace Isolation.Model.Designs.NosuidUnshare;

/// <summary>The design's state of one task (its task blob), replaced whole on every change.</summary>
/// <param name="NoSuid">Set by PR_SET_NOSUID; never cleared; inherited over fork and exec.</param>
/// <param name="UnsharedNet">The task (or an ancestor) made its network namespace through the design, without CAP_SYS_ADMIN.</param>
public sealed record NosuidState(bool NoSuid, bool UnsharedNet);
