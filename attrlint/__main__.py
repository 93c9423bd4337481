"""``python -m attrlint`` runs the same command line as the console script."""

from attrlint.cli import main

if __name__ == "__main__":
    main()
