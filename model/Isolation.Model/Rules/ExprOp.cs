namespace Isolation.Model.Rules;

/// <summary>The operators of the rule language; each maps to one SMT-LIB function.</summary>
public enum ExprOp
{
    /// <summary>A named input.</summary>
    Var,

    /// <summary>A literal.</summary>
    Const,

    /// <summary><c>not</c>.</summary>
    Not,

    /// <summary><c>and</c> of any number of terms.</summary>
    And,

    /// <summary><c>or</c> of any number of terms.</summary>
    Or,

    /// <summary><c>=&gt;</c>.</summary>
    Implies,

    /// <summary><c>ite</c>: if-then-else of any sort.</summary>
    Ite,

    /// <summary><c>=</c> of two terms of one sort.</summary>
    Eq,

    /// <summary><c>bvult</c>: unsigned less-than.</summary>
    Ult,

    /// <summary><c>bvule</c>: unsigned less-or-equal.</summary>
    Ule,

    /// <summary><c>bvand</c>.</summary>
    BvAnd,

    /// <summary><c>bvor</c>.</summary>
    BvOr,

    /// <summary><c>bvxor</c>.</summary>
    BvXor,

    /// <summary><c>bvnot</c>.</summary>
    BvNot,

    /// <summary><c>bvlshr</c>: logical shift right (a shift by the width or more gives 0).</summary>
    BvLshr,

    /// <summary><c>(_ zero_extend n)</c>: the same number in a wider bit-vector.</summary>
    ZeroExtend,

    /// <summary><c>let</c>: binds a name to a value inside a body.</summary>
    Let,
}
