namespace Isolation.Traces.Tests;

/// <summary>Real strace captures and the programs that made them (see Fixtures/README.md).</summary>
internal static class Fixtures
{
    /// <summary>The raw strace fixtures.</summary>
    public static readonly string[] Names = ["fork_kill.strace", "sig.strace", "stderr.strace", "nof.strace"];

    /// <summary>The full path of fixture <paramref name="name"/>.</summary>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The text of fixture <paramref name="name"/>.</summary>
    public static string Text(string name) => File.ReadAllText(PathOf(name));
}
