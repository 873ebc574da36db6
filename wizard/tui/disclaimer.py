"""The words every result-bearing screen carries; kept in one place so they never drift apart."""

SHORT_DISCLAIMER = ("hip-wizard is not a doctor and does not diagnose. It suggests what your answers may be "
                    "consistent with. If you are worried, or things get worse, see a clinician.")

START_DISCLAIMER = (
    "hip-wizard asks about your hip pain, guides you through simple self-tests and suggests exercises, "
    "changes to daily life or who to see. It is not a doctor, cannot examine you and does not diagnose.\n"
    "In an emergency call your local emergency number (112 in Europe, 911 in North America, 999 in the UK, "
    "000 in Australia). Safety questions come first; if an answer needs urgent care, the check stops and says so."
)
