class Db {
    DataSource main() {
        return DataSourceBuilder.create().url("jdbc:h2:file:./data/shop").build();
//                                            ^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/java-embedded-db-file
    }

    DataSource tests() {
        // ok: an in-memory database
        return DataSourceBuilder.create().url("jdbc:h2:mem:test").build();
    }

    // ok: a server database
    static final String URL = "jdbc:postgresql://db:5432/shop";
}
