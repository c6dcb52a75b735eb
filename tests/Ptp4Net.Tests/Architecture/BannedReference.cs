namespace Ptp4Net.Tests.Architecture;

/// <summary>
/// A reference the protocol core must not make. <see cref="Type"/> is a full type name, or a namespace when
/// <see cref="IsNamespace"/>; <see cref="Member"/> null bans every member; <see cref="ParameterCount"/> narrows
/// a method to one overload (e.g. Random's parameterless constructor).
/// </summary>
internal sealed record BannedReference(string Rule, string Type, string? Member = null, int? ParameterCount = null, bool IsNamespace = false)
{
    public bool Matches(IlReferenceScanner.Reference r) =>
        (IsNamespace ? r.TargetType.StartsWith(Type + ".", StringComparison.Ordinal) : r.TargetType == Type)
        && (Member is null || r.Member == Member)
        && (ParameterCount is null || r.ParameterCount == ParameterCount);
}
