using System.Diagnostics;
using System.Globalization;

namespace Isolation.Solver.Smt;

/// <summary>
/// A solver run as a process reading SMT-LIB2 on its standard input (<c>z3 -in</c>,
/// <c>cvc5 --lang smt2</c>): the script, then get-value, then exit; the output holds both answers.
/// A get-value after unsat is an error the solver prints and that is ignored.
/// </summary>
public sealed class ProcessSolver : ISmtSolver
{
    private readonly string _program;
    private readonly string[] _arguments;

    private ProcessSolver(string name, string program, params string[] arguments)
    {
        Name = name;
        _program = program;
        _arguments = arguments;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary><c>z3 -in</c> with a per-query time limit.</summary>
    public static ProcessSolver Z3(int timeoutMs = 20_000) =>
        new("z3-process", "z3", "-in", "-smt2", $"-t:{timeoutMs.ToString(CultureInfo.InvariantCulture)}");

    /// <summary><c>cvc5 --lang smt2</c> with a per-query time limit.</summary>
    public static ProcessSolver Cvc5(int timeoutMs = 20_000) =>
        new("cvc5", "cvc5", "--lang", "smt2", "--produce-models", $"--tlimit-per={timeoutMs.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Whether <paramref name="program"/> is on the PATH.</summary>
    public static bool IsInstalled(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));

    /// <inheritdoc/>
    public SmtAnswer Check(SmtQuery query)
    {
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo(_program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {_program}");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(query.Script);
        process.StandardInput.Write(query.GetValue);
        process.StandardInput.Write("(exit)\n");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var status = SolverOutput.Status(output);
        if (status is null or SmtStatus.Unknown)
        {
            return new SmtAnswer(Name, SmtStatus.Unknown, SolverOutput.None, SolverOutput.Reason(output + "\n" + stderr.Result), clock.Elapsed);
        }

        var model = status == SmtStatus.Sat && query.GetValue.Length > 0 ? SolverOutput.Model(output, query) : SolverOutput.None;
        return new SmtAnswer(Name, status.Value, model, null, clock.Elapsed);
    }
}
