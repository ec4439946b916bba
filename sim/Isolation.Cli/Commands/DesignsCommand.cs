using System.CommandLine;
using Isolation.Model.Designs;
using Isolation.Properties;

namespace Isolation.Cli.Commands;

/// <summary><c>isolation designs</c>: every design's name, one-line summary, source and properties.</summary>
internal static class DesignsCommand
{
    /// <summary>Makes the verb.</summary>
    public static Command Create(TextWriter stdout)
    {
        var brief = new Option<bool>("--brief", "-b") { Description = "One line per design, without its properties." };
        var command = new Command("designs", "List the designs the model implements, with one-line summaries and their properties.") { brief };
        command.SetAction(parse =>
        {
            var width = DesignCatalog.All.Max(d => d.Name.Length);
            foreach (var design in DesignCatalog.All)
            {
                stdout.WriteLine($"{design.Name.PadRight(width)}  {design.Summary}  [{design.Source}]");
                if (!parse.GetValue(brief))
                {
                    foreach (var property in PropertyCatalog.ForDesigns([design.Name]))
                    {
                        stdout.WriteLine($"{new string(' ', width)}    property {property.Id}");
                    }
                }
            }

            return 0;
        });
        return command;
    }
}
