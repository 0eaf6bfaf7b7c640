// Python's print, the one Python built-in the host calls: Janssen collects what a script prints into its script log.
declare function print(text: string): void;
