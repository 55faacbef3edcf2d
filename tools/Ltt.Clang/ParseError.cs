namespace Ltt.Clang;

/// <summary>Why libclang produced no translation unit at all (values of <c>CXErrorCode</c>).</summary>
public enum ParseError
{
    None = 0,
    Failure = 1,
    Crashed = 2,
    InvalidArguments = 3,
    AstReadError = 4,
}
