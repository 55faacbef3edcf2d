using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using Ltt.Clang.Interop;

namespace Ltt.Clang;

/// <summary>
/// A libclang index: the owner of translation units. libclang is not thread-safe per index,
/// so each thread that parses uses its own.
/// </summary>
public sealed unsafe class ClangIndex : IDisposable
{
    private nint _handle;

    /// <param name="excludeDeclarationsFromPch">When true, visiting a unit skips the declarations that came from a PCH.</param>
    public ClangIndex(bool excludeDeclarationsFromPch = true)
    {
        _handle = NativeMethods.clang_createIndex(excludeDeclarationsFromPch ? 1 : 0, 0);
        if (_handle == 0)
            throw new InvalidOperationException("libclang could not create an index");
    }

    /// <summary>
    /// Parses <paramref name="path"/> with compiler <paramref name="arguments"/> (as given to clang, without the
    /// file name). C errors are in the unit's diagnostics; false only when libclang produced no unit at all.
    /// </summary>
    public bool TryParse(string path, IReadOnlyList<string> arguments, IReadOnlyList<UnsavedFile>? unsavedFiles, ParseOptions options,
        [NotNullWhen(true)] out TranslationUnit? unit, out ParseError error) =>
        TryParse(path, arguments, unsavedFiles, options, ParseThread.DefaultStackSize, out unit, out error);

    /// <param name="stackSize">The stack the parse runs on (see <see cref="ParseThread"/>).</param>
    internal bool TryParse(string path, IReadOnlyList<string> arguments, IReadOnlyList<UnsavedFile>? unsavedFiles, ParseOptions options,
        int stackSize, [NotNullWhen(true)] out TranslationUnit? unit, out ParseError error)
    {
        ObjectDisposedException.ThrowIf(_handle == 0, this);
        unsavedFiles ??= [];
        var pins = new List<GCHandle>();
        try
        {
            byte* Pin(string s)
            {
                GCHandle h = GCHandle.Alloc(Encoding.UTF8.GetBytes(s + "\0"), GCHandleType.Pinned);
                pins.Add(h);
                return (byte*)h.AddrOfPinnedObject();
            }

            byte** args = stackalloc byte*[Math.Max(arguments.Count, 1)];
            for (int i = 0; i < arguments.Count; i++)
                args[i] = Pin(arguments[i]);
            var files = new CXUnsavedFile[unsavedFiles.Count];
            for (int i = 0; i < files.Length; i++)
            {
                byte[] contents = unsavedFiles[i].Contents;
                GCHandle h = GCHandle.Alloc(contents, GCHandleType.Pinned);
                pins.Add(h);
                files[i] = new CXUnsavedFile
                {
                    Filename = Pin(unsavedFiles[i].Path),
                    Contents = (byte*)h.AddrOfPinnedObject(),
                    Length = (nuint)contents.Length,
                };
            }
            nint tu = 0;
            fixed (CXUnsavedFile* unsaved = files)
            {
                // The pointers stay valid: this frame waits for the parse thread.
                nint handle = _handle, file = (nint)Pin(path), argv = (nint)args, buffers = (nint)unsaved;
                int argc = arguments.Count;
                (error, tu) = ParseThread.Run(() =>
                {
                    nint result = 0;
                    var code = (ParseError)NativeMethods.clang_parseTranslationUnit2(handle, (byte*)file, (byte**)argv, argc,
                        (CXUnsavedFile*)buffers, (uint)files.Length, (uint)options, &result);
                    return (code, result);
                }, stackSize);
            }
            if (error != ParseError.None || tu == 0)
            {
                if (tu != 0)
                    NativeMethods.clang_disposeTranslationUnit(tu);
                unit = null;
                if (error == ParseError.None)
                    error = ParseError.Failure;
                return false;
            }
            unit = new TranslationUnit(tu, path);
            return true;
        }
        finally
        {
            foreach (GCHandle h in pins)
                h.Free();
        }
    }

    public void Dispose()
    {
        nint handle = Interlocked.Exchange(ref _handle, 0);
        if (handle != 0)
            NativeMethods.clang_disposeIndex(handle);
    }
}
