using System.CommandLine;

namespace Isolation.Cli.Commands;

/// <summary>The <c>--design</c> option every verb that runs the model shares.</summary>
internal static class DesignOption
{
    /// <summary>Makes the option: a design name or a stack <c>a+b</c>; the file's <c># design:</c> header is the default.</summary>
    public static Option<string?> Create() => new("--design", "-d")
    {
        Description = "Design (or stack a+b) to run against; default: the file's '# design:' header, else baseline.",
    };
}
