"""One screen a file. `STEP_SCREENS` maps each asking node kind to the screen that asks it."""
