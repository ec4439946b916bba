namespace Isolation.Cli;

/// <summary>The <c>isolation</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args) => 0;
}
