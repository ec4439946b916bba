using System.Collections.Immutable;
using Isolation.Model.Rules;

namespace Isolation.Model.Designs.RlimitNetwork;

/// <summary>The socket hunks rlimit-network and prctl-network (v2) share, each rule with the model hook point it is registered on.</summary>
public static class NetworkOffInline
{
    /// <summary>The rules of <see cref="Net"/>, by hook.</summary>
    public static ImmutableArray<HookRule> Rules { get; } =
    [
        new("socket_create_inline", NetworkOffRules.SocketCreateInline),
        new("socket_bind_inline", NetworkOffRules.SocketBindInline),
        new("socket_connect_inline", NetworkOffRules.SocketConnectInline),
        new("socket_sendmsg_inline", NetworkOffRules.SendmsgInline),
        new("unix_address_check", NetworkOffRules.UnixAddressCheck),
    ];
}
