"""Human feedback on translations: what linguists see on the translate page and what they say about it.

``language``      English / French / Arabic detection of a source (a small heuristic, no dependency)
``interactive``   sample 5–8 candidates of one source and rank them with a reward model (cached models)
``judgements``    the feedback formats, their checks, and storing a judgement exactly once
``queue``         review queues: a corpus split, k judgements per source, "next item"
``agreement``     Kendall's tau and best-pick agreement per linguist pair and overall, Krippendorff's alpha
``krippendorff``  Krippendorff's alpha (nominal, ordinal, interval) over units with missing judgements
``export``        ``human_preferences.jsonl``
``argilla``       export/import of judgements in Argilla 2.x's dataset layout (without the argilla package)
``unpaired``      single good/bad translations for KTO, from judgements or from pairs
``batch``         uploaded source files for batch translation (staged, checked, never used as paths)

Importing this package imports nothing heavy; ``interactive`` and ``queue`` import torch.
"""
