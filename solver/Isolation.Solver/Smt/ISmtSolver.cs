namespace Isolation.Solver.Smt;

/// <summary>A solver that answers an SMT-LIB2 query.</summary>
public interface ISmtSolver
{
    /// <summary>The solver's name in reports.</summary>
    string Name { get; }

    /// <summary>Checks <paramref name="query"/>: its status and, when sat, the values of its inputs.</summary>
    SmtAnswer Check(SmtQuery query);
}
