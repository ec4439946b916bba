using System.CommandLine;
using Isolation.Model.Designs;
using Isolation.Solver.Proving;
using Isolation.Solver.Smt;

namespace Isolation.Cli.Commands;

/// <summary>
/// <c>isolation prove</c>: every proof obligation of the designs' hook rules (stated rules, monotonicity,
/// refinement between designs, the explorer's premises) through Z3 in process and/or cvc5, one line
/// per obligation and a summary. Exit 0 when every verdict is certain, the solvers agree and every
/// witness replays as predicted; 1 otherwise; 2 on bad input.
/// </summary>
internal static class ProveCommand
{
    /// <summary>Makes the verb.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var design = new Option<string>("--design", "-d") { Description = "Design name, or 'all' (default).", DefaultValueFactory = _ => "all" };
        var solver = new Option<string>("--solver") { Description = "z3 (in process, default), cvc5 (process), or both.", DefaultValueFactory = _ => "z3" };
        var emit = new Option<string?>("--emit") { Description = "Write every query as <id>.smt2 and every witness as <id>.<design>.trace to this folder." };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON instead of lines." };
        var command = new Command("prove", "Prove the designs' hook rules against their stated rules, monotonicity, refinement and the explorer's premises with SMT solvers.") { design, solver, emit, json };
        command.SetAction(parse =>
        {
            var name = parse.GetValue(design)!;
            var designs = name == "all" ? DesignCatalog.All.ToList() : DesignCatalog.Find(name) is { } d ? [d] : null;
            if (designs is null)
            {
                stderr.WriteLine($"isolation prove: unknown design '{name}' (see `isolation designs`)");
                return 2;
            }

            var (solvers, error) = Solvers(parse.GetValue(solver)!);
            if (error is not null)
            {
                stderr.WriteLine($"isolation prove: {error}");
                return 2;
            }

            var asJson = parse.GetValue(json);
            var run = ProofRun.Run(designs, solvers, parse.GetValue(emit), asJson ? null : (r, outcomes) => stdout.WriteLine(ProofReport.Line(r, outcomes)));
            stdout.Write(asJson ? ProofReport.Json(run) : "\n" + ProofReport.Summary(run));
            return run.Clean ? 0 : 1;
        });
        return command;
    }

    private static (IReadOnlyList<ISmtSolver> Solvers, string? Error) Solvers(string choice)
    {
        var wantZ3 = choice is "z3" or "both";
        var wantCvc5 = choice is "cvc5" or "both";
        if (!wantZ3 && !wantCvc5)
        {
            return ([], $"unknown solver '{choice}' (z3, cvc5 or both)");
        }

        if (wantZ3 && !Z3InProcess.IsAvailable)
        {
            return ([], "libz3.so.4 is not installed (apt-get install libz3-4)");
        }

        if (wantCvc5 && !ProcessSolver.IsInstalled("cvc5"))
        {
            return ([], "cvc5 is not on the PATH (apt-get install cvc5)");
        }

        return ([.. wantZ3 ? [new Z3InProcess()] : Array.Empty<ISmtSolver>(), .. wantCvc5 ? [ProcessSolver.Cvc5()] : Array.Empty<ISmtSolver>()], null);
    }
}
