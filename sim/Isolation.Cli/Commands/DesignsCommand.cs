using System.CommandLine;
using Isolation.Model.Designs;

namespace Isolation.Cli.Commands;

/// <summary><c>isolation designs</c>: every design's name and one-line summary.</summary>
internal static class DesignsCommand
{
    /// <summary>Makes the verb.</summary>
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("designs", "List the designs the model implements, with one-line summaries.");
        command.SetAction(_ =>
        {
            var width = DesignCatalog.All.Max(d => d.Name.Length);
            foreach (var design in DesignCatalog.All)
            {
                stdout.WriteLine($"{design.Name.PadRight(width)}  {design.Summary}  [{design.Source}]");
            }

            return 0;
        });
        return command;
    }
}
