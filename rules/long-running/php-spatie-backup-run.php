<?php
class CreateBackupJob implements ShouldQueue {
    public function handle(): void {
        $backupJob = BackupJobFactory::createFromConfig($this->config);
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/php-spatie-backup-run
        $backupJob->run();
        $job = new \Spatie\Backup\Tasks\Backup\BackupJob($this->config);
//             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/php-spatie-backup-run
        // ok: the list of backups on a disk, no backup made
        $destination = BackupDestinationFactory::createFromArray($this->config);
        // ok: a class of the app's own named like it
        $job = new CreateBackupJob($this->config);
    }
}
