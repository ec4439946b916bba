using System.Collections.Immutable;
using System.Globalization;
using Isolation.Model.Designs;

namespace Isolation.Check.Universe;

/// <summary>
/// Every syscall program the explorer considers for one design: which processes (at most
/// <see cref="Processes"/>), how many moves (<see cref="Depth"/>), which calls, which addresses,
/// from which start (setup and user), under which threat model.
/// </summary>
public sealed record ProgramUniverse(
    string DesignSpec,
    ImmutableArray<Design> Designs,
    string Setup,
    int User,
    int Processes,
    int Depth,
    ThreatModel Threat,
    ImmutableArray<Value> UnixAddresses,
    ImmutableArray<Value> InetAddresses,
    ImmutableArray<Value> InetBindAddresses)
{
    /// <summary>The default bound on moves.</summary>
    public const int DefaultDepth = 5;

    /// <summary>The default bound on processes.</summary>
    public const int DefaultProcesses = 2;

    /// <summary>Two interchangeable abstract names and one pathname (the seeds treat the two kinds differently).</summary>
    public static ImmutableArray<Value> DefaultUnixAddresses { get; } =
    [
        Unix("@\"a\"", 4, "abstract"),
        Unix("@\"b\"", 4, "abstract"),
        Unix("\"/tmp/a\"", 9, "path"),
    ];

    /// <summary>Two interchangeable ports on loopback, where programs connect and send.</summary>
    public static ImmutableArray<Value> DefaultInetAddresses { get; } = [Inet("127.0.0.1", 47001), Inet("127.0.0.1", 47002)];

    /// <summary>Where programs bind: loopback and the wildcard address (designs treat INADDR_ANY apart).</summary>
    public static ImmutableArray<Value> DefaultInetBindAddresses { get; } = [.. DefaultInetAddresses, Inet("0.0.0.0", 47001), Inet("0.0.0.0", 47002)];

    /// <summary>The users p1 starts as by default: root, and an ordinary user (the seeds' sandboxed programs).</summary>
    public static ImmutableArray<int> DefaultUsers { get; } = [0, 1000];

    /// <summary>The default universe of a design stack (<c>a+b</c>): host setup, every family, p1 running as <paramref name="user"/>.</summary>
    public static ProgramUniverse For(string designSpec, int depth = DefaultDepth, int processes = DefaultProcesses, ThreatModel? threat = null, int user = 0)
    {
        var (designs, unknown) = DesignCatalog.Resolve(designSpec);
        if (unknown is not null)
        {
            throw new ArgumentException($"unknown design '{unknown}' (see `isolation designs`)", nameof(designSpec));
        }

        if (depth < 1 || processes < 1)
        {
            throw new ArgumentException("depth and processes must be at least 1");
        }

        return new(designSpec, designs, "host", user, processes, depth, threat ?? ThreatModel.Default, DefaultUnixAddresses, DefaultInetAddresses, DefaultInetBindAddresses);
    }

    /// <summary>The design's entry moves, from every design of the stack.</summary>
    public ImmutableArray<EntryMove> EntryMoves => [.. Designs.SelectMany(d => d.Entry)];

    /// <summary>The families the threat model allows, in generation order.</summary>
    public ImmutableArray<CallFamily> Families => [.. CallFamilies.All.Where(f => Threat.Families.Contains(f.Name))];

    /// <summary>One line for reports: the bounds.</summary>
    public string Describe() =>
        $"depth {Depth}, {Processes} process{(Processes == 1 ? "" : "es")}, setup {Setup}, user {User}; {Threat.Describe()}";

    private static Value Unix(string path, int length, string group) =>
        new($"{{sa_family=AF_UNIX, sun_path={path}}}, {length.ToString(CultureInfo.InvariantCulture)}", group, path);

    private static Value Inet(string address, int port)
    {
        var htons = $"htons({port.ToString(CultureInfo.InvariantCulture)})";
        return new($"{{sa_family=AF_INET, sin_port={htons}, sin_addr=inet_addr(\"{address}\")}}, 16", "port", htons);
    }
}
