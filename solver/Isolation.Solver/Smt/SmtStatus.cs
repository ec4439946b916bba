namespace Isolation.Solver.Smt;

/// <summary>What a solver said about a query's satisfiability.</summary>
public enum SmtStatus
{
    /// <summary>No assignment satisfies it: the obligation it negates is proved.</summary>
    Unsat,

    /// <summary>The solver gave up (time limit, incompleteness); the answer carries its reason.</summary>
    Unknown,

    /// <summary>An assignment satisfies it: the obligation is refuted, the model is the witness.</summary>
    Sat,
}
