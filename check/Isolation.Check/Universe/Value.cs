namespace Isolation.Check.Universe;

/// <summary>
/// One argument value the explorer may put in a hole: an address as a call writes it. Values of
/// the same <paramref name="Group"/> are interchangeable (the model treats one abstract name like
/// another, one free port like another), told apart by their <paramref name="Key"/>: the explorer
/// offers a value whose key the program has not used yet only if it is the group's first unused key.
/// </summary>
/// <param name="Text">The argument text, address and length: <c>{sa_family=AF_UNIX, sun_path=@"a"}, 4</c>.</param>
/// <param name="Group">The symmetry group: values of one group differ only by their key.</param>
/// <param name="Key">The token that marks the value as used in a program: <c>@"a"</c>, <c>htons(47001)</c>.</param>
public sealed record Value(string Text, string Group, string Key);
