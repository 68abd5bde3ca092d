"""The printed page: one layout for print preview, printer and PDF.

The page is the exported DOCX's page (GB/T 9704 profile, see core.typography
and export/): render.document lists the plan's blocks as the export writes
them (core.layout_rules holds the counting rules both share), render.layout pages them, with render.lines breaking text into
lines and render.table laying out the month table; render.paint draws the
pages on any QPrinter or QPdfWriter, render.pdf writes a PDF file, and
render.fonts picks an installed face for each font the profile names.

API, imported from the module that holds it (importing the package loads
no Qt; each module loads what it needs):
    render.layout.layout_plan(plan, resolver=None) -> Pages   (needs a QGuiApplication)
    render.paint.paint_pages(pages, device) -> int, PaintError
    render.pdf.write_pdf(plan, path, resolver=None) -> [Substitution], PdfError
    (str(exc) of either error is a Chinese sentence for the user)
"""
