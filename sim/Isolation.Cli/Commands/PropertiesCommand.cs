using System.CommandLine;
using Isolation.Model.Designs;
using Isolation.Properties;

namespace Isolation.Cli.Commands;

/// <summary><c>isolation properties [--design D]</c>: each property with the seed and the words it comes from.</summary>
internal static class PropertiesCommand
{
    /// <summary>Makes the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var design = new Option<string?>("--design", "-d") { Description = "Only the properties of this design (or stack a+b)." };
        var command = new Command("properties", "List the designs' claims as properties, with the seed file and sentence each comes from.") { design };
        command.SetAction(parse =>
        {
            var spec = parse.GetValue(design);
            var properties = PropertyCatalog.All;
            if (spec is not null)
            {
                var (designs, unknown) = DesignCatalog.Resolve(spec);
                if (unknown is not null)
                {
                    stderr.WriteLine($"--design: unknown design '{unknown}' (see `isolation designs`)");
                    return 2;
                }

                properties = PropertyCatalog.ForDesigns(designs.Select(d => d.Name));
            }

            foreach (var property in properties)
            {
                stdout.WriteLine(property.Id);
                stdout.WriteLine($"    source: {property.Source}");
                stdout.WriteLine($"    \"{property.Quote}\"");
            }

            stdout.WriteLine($"{properties.Length} properties");
            return 0;
        });
        return command;
    }
}
