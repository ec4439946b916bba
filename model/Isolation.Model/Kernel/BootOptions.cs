using System.Collections.Immutable;
using Isolation.Model.Lsm;

namespace Isolation.Model.Kernel;

/// <summary>How to start a kernel for one run: the module stack, the <c># setup:</c> and the <c># user:</c> of p1.</summary>
/// <param name="Modules">The security modules, in stacking order (empty for baseline).</param>
/// <param name="Setup">A name from <see cref="Netns.NetSetups.Names"/>.</param>
/// <param name="User">p1's uid and gid; 0 is root with every capability.</param>
public sealed record BootOptions(ImmutableArray<SecurityModule> Modules, string Setup = "host", int User = 0);
