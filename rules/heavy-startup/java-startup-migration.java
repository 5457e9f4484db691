class DatabaseModule {
    DataSource provideDataSource(Config config) throws Exception {
        DataSource dataSource = new HikariDataSource(hikariConfig(config));
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(dataSource.getConnection()));
        try (Liquibase liquibase = new Liquibase("changelog-master.xml", new ClassLoaderResourceAccessor(), database)) {
            //                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/java-startup-migration
            liquibase.update(new Contexts());
        }
        return dataSource;
    }

    void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        //^^^^^^^^^^^^^^^^ heavy-startup/java-startup-migration
    }

    // ok: settings objects name the tool but run nothing
    LiquibaseProperties properties = new LiquibaseProperties();
    FlywayProperties flyway = new FlywayProperties();
}
