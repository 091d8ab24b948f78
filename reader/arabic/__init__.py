"""Arabic text itself, before any document: sentence segmentation with exact offsets
(:mod:`.segment`, its rules and word lists) and folding for search and display (:mod:`.folding`).

Qt-free and model-free: formats build blocks with the segmenter; find and the exporters fold.
"""
