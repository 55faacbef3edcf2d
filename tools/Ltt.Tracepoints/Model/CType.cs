namespace Ltt.Tracepoints.Model;

/// <summary>
/// A C type as libclang resolved it for the target ABI. <see cref="Spelling"/> is what the
/// source wrote (<c>pid_t</c>), <see cref="Canonical"/> what it is (<c>int</c>).
/// </summary>
/// <param name="Size">Size in bytes; 0 for void, functions and incomplete types.</param>
/// <param name="Alignment">Alignment in bytes; 0 where the type has none.</param>
/// <param name="IsSigned">True for signed integers and enums whose underlying type is signed.</param>
/// <param name="ArrayLength">The element count of a constant array, as a number even when the source wrote a macro.</param>
/// <param name="Element">The element of an array or the pointee of a pointer.</param>
/// <param name="Fields">Members of a struct or union, with byte offsets; empty for other kinds.
/// A pointee struct is expanded one level: its own pointer members are not followed.</param>
/// <param name="DeclaredIn">For a struct, union or enum that has a definition: the file holding
/// it, relative to the tree as scan locations are (<c>fs/ext4/mballoc.h</c>), or absolute when
/// it lies outside the tree and the build directory. A probe that reads a member includes it.</param>
public sealed record CType(
    string Spelling,
    string Canonical,
    CTypeKind Kind,
    long Size,
    long Alignment,
    bool IsSigned,
    long? ArrayLength = null,
    CType? Element = null,
    IReadOnlyList<CField>? Fields = null,
    string? DeclaredIn = null)
{
    public IReadOnlyList<CField> Members => Fields ?? [];

    public bool IsScalar => Kind is CTypeKind.Bool or CTypeKind.Integer or CTypeKind.Enum or CTypeKind.Float or CTypeKind.Pointer;
}
