namespace Isolation.Model.Rules;

/// <summary>The three kinds of value a rule computes with.</summary>
public enum SortKind
{
    /// <summary>true or false; SMT-LIB <c>Bool</c>.</summary>
    Bool,

    /// <summary>An unsigned number of a fixed width (addresses, ports, flags); SMT-LIB <c>(_ BitVec n)</c>.</summary>
    BitVec,

    /// <summary>One of a named set of members (errnos, address kinds); an SMT-LIB datatype of nullary constructors.</summary>
    Enum,
}
