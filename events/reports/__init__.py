"""The office's annual report: its figures from the records (annual.py), the sentence the
printed report opens with (text.py), and its downloads (xlsx.py, pdf.py)."""
