/*
 * datadir.h: where the programs find data/ (gazetteer, themes, synonyms)
 * when no --data is given.
 *
 * An installed program uses share/vindplaats next to its own bin/
 * (bin/../share/vindplaats, when it holds gemeenten.tsv), so the same binary
 * works from /usr, /usr/local, a DESTDIR or a `dpkg -x` tree.  A program
 * running from its build tree uses the source tree's data/, so that a change
 * to data/ is tested at once.  Otherwise (or if the program's own path
 * cannot be read) the configured install folder,
 * CMAKE_INSTALL_FULL_DATADIR/vindplaats.
 */
#ifndef VP_DATADIR_H
#define VP_DATADIR_H

/* The default data folder; a static string, valid for the whole run. */
const char *vp_default_data_dir(void);

#endif /* VP_DATADIR_H */
