"""What rules report and runs produce: severities, problems and fixes, findings, file results, page facts.

May import: discover, document.
"""
