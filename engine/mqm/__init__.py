"""MQM / ESA error-span annotation: spans in a candidate's Arabic text, weighted scores, export, pairs."""
