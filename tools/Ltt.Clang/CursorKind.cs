namespace Ltt.Clang;

/// <summary>The cursor kinds this binding names (values of <c>CXCursorKind</c>); others pass through as numbers.</summary>
public enum CursorKind
{
    UnexposedDecl = 1,
    StructDecl = 2,
    UnionDecl = 3,
    EnumDecl = 5,
    FieldDecl = 6,
    EnumConstantDecl = 7,
    FunctionDecl = 8,
    VarDecl = 9,
    ParmDecl = 10,
    TypedefDecl = 20,
    TypeRef = 43,
    InvalidFile = 70,
    TranslationUnit = 350,
    UnexposedAttr = 400,
    AnnotateAttr = 406,
    AlignedAttr = 441,
    PackedAttr = 408,
    MacroDefinition = 501,
    MacroExpansion = 502,
    InclusionDirective = 503,
}
