// Packets, dossiers, ledgers and statistics.
