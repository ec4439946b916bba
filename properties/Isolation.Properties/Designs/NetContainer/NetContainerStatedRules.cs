using System.Collections.Immutable;
using Isolation.Model.Abi;
using Isolation.Model.Designs.NetContainer;
using Isolation.Model.Rules;
using Isolation.Properties.Stated;

namespace Isolation.Properties.Designs.NetContainer;

/// <summary>netcontainer's claims (both variants) over the inputs of <see cref="ContainerRules"/>.</summary>
/// <remarks>Seed 002_d6ff0dffc80eb989.txt.</remarks>
public static class NetContainerStatedRules
{
    /// <summary>The claims of <paramref name="design"/>.</summary>
    public static ImmutableArray<StatedRule> Create(string design) =>
    [
        new(
            design,
            $"{design}/bind-listed-only",
            "socket_bind",
            NetContainerProperties.Source,
            "Lezcano, patch 0/3: \"If a container tries to bind to an address not contained into this list, the bind will fail with EPERM. Of course the bind is allowed to INADDR_ANY.\"",
            !ContainerRules.InRoot.Var
            & ((Is(SocketInputs.AddrFamily.Var, SocketAbi.AfInet) & Expr.Ne(SocketInputs.Ipv4.Var, Expr.Bv(0, 32)) & !ContainerRules.Listed.Var)
               | (Is(SocketInputs.AddrFamily.Var, SocketAbi.AfInet6) & Expr.Ne(SocketInputs.Ipv6.Var, Expr.Bv(0, 128))))),
        new(
            design,
            $"{design}/stays-in-container",
            "can_attach",
            NetContainerProperties.Source,
            "Hallyn on patch 1/3, of \".can_attach = NULL\": \"you'll definately want to define can_attach() to prevent a task simply entering another container, right?\" (CAP_NET_ADMIN, as for creating one)",
            !ContainerRules.NetAdmin.Var),
    ];

    private static Expr Is(Expr v, int family) => Expr.Eq(v, Expr.Bv((uint)family, 32));
}
