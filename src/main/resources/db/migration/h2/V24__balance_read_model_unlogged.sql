-- PostgreSQL makes the balance read model unlogged in its V24; H2 has nothing to do.
SELECT 1;
