"""pdfium's C functions that pdf_layer.py and pdf_pages.py call once per character, object or path point, declared
again with every handle as a plain integer.

pypdfium2.raw returns each handle as a new ctypes pointer object: keying a dictionary by one costs a cast, and
making them is a good part of a call's time when a page has thousands of characters in hundreds of text objects.
The functions are the same C functions (taken by address from pypdfium2's own bindings), only their types differ.
"""

from __future__ import annotations

import ctypes
import functools
from types import SimpleNamespace

_VOID, _INT, _FLOAT, _DOUBLE = ctypes.c_void_p, ctypes.c_int, ctypes.c_float, ctypes.c_double
_FLOATS, _DOUBLES = ctypes.POINTER(ctypes.c_float), ctypes.POINTER(ctypes.c_double)
_SIGNATURES = {  # name: (result, arguments)
    "FPDFPage_CountObjects": (_INT, (_VOID,)),
    "FPDFPage_GetObject": (_VOID, (_VOID, _INT)),
    "FPDFPageObj_GetType": (_INT, (_VOID,)),
    "FPDFPageObj_GetBounds": (_INT, (_VOID, _FLOATS, _FLOATS, _FLOATS, _FLOATS)),
    "FPDFPath_CountSegments": (_INT, (_VOID,)),
    "FPDFPath_GetPathSegment": (_VOID, (_VOID, _INT)),
    "FPDFPathSegment_GetPoint": (_INT, (_VOID, _FLOATS, _FLOATS)),
    "FPDFPathSegment_GetType": (_INT, (_VOID,)),
    "FPDFPathSegment_GetClose": (_INT, (_VOID,)),
    "FPDFText_CountChars": (_INT, (_VOID,)),
    "FPDFText_IsGenerated": (_INT, (_VOID, _INT)),
    "FPDFText_HasUnicodeMapError": (_INT, (_VOID, _INT)),
    "FPDFText_GetTextObject": (_VOID, (_VOID, _INT)),
    "FPDFText_GetUnicode": (ctypes.c_uint, (_VOID, _INT)),
    "FPDFText_GetCharOrigin": (_INT, (_VOID, _INT, _DOUBLES, _DOUBLES)),
    "FPDFTextObj_GetFont": (_VOID, (_VOID,)),
    "FPDFTextObj_GetFontSize": (_INT, (_VOID, _FLOATS)),
    "FPDFFont_GetGlyphWidth": (_INT, (_VOID, ctypes.c_uint, _FLOAT, _FLOATS)),
    "FPDFFont_GetDescent": (_INT, (_VOID, _FLOAT, _FLOATS)),
    "FPDFFont_GetIsEmbedded": (_INT, (_VOID,)),
}


@functools.cache
def pdfium() -> SimpleNamespace:
    """The functions above (by their names less the FPDF prefix: `Text_GetUnicode`), plus `PageObj_GetMatrix`
    and `Text_GetLooseCharBox` taking pypdfium2's FS_MATRIX and FS_RECTF, and `handle(obj)`: a pypdfium2 handle's
    integer."""
    import pypdfium2.raw as raw

    calls = {}
    for name, (result, arguments) in {
        **_SIGNATURES,
        "FPDFPageObj_GetMatrix": (_INT, (_VOID, ctypes.POINTER(raw.FS_MATRIX))),
        "FPDFText_GetLooseCharBox": (_INT, (_VOID, _INT, ctypes.POINTER(raw.FS_RECTF))),
    }.items():
        address = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value
        calls[name.removeprefix("FPDF")] = ctypes.CFUNCTYPE(result, *arguments)(address)
    return SimpleNamespace(**calls, handle=lambda obj: ctypes.cast(obj, ctypes.c_void_p).value, raw=raw)
