import type cytoscape from 'cytoscape';

/**
 * The classes last given to each element. Cytoscape's toggleClass(name, bool) restyles an
 * element even when nothing changed, which restyled and redrew the whole plan on every
 * state change; only elements whose classes really change are touched.
 */
export interface ElementClasses {
  /** Gives an element these classes (and `lod-hide` if the level of detail hides it), if they changed. */
  set(ele: cytoscape.SingularElementArgument, wanted: string[]): void;
  /** Hides an element's label for the level of detail (the class `lod-hide`), or shows it again. */
  hideForDetail(ele: cytoscape.SingularElementArgument, hide: boolean): void;
}

export function createElementClasses(): ElementClasses {
  const appliedClasses = new Map<string, string>();
  const lodHidden = new Set<string>();
  const withLod = (id: string, classes: string[]) =>
    lodHidden.has(id) ? [...classes, 'lod-hide'] : classes;

  return {
    set(ele, wanted) {
      const classes = withLod(ele.id(), wanted);
      const key = classes.join(' ');
      // An element never given classes has none (it comes from addElements bare): setting
      // none on it restyled the whole plan once more in every first load.
      if ((appliedClasses.get(ele.id()) ?? (ele.classes().length ? null : '')) === key) return;
      appliedClasses.set(ele.id(), key);
      ele.classes(classes);
    },
    hideForDetail(ele, hide) {
      const id = ele.id();
      if (hide === lodHidden.has(id)) return;
      if (hide) lodHidden.add(id);
      else lodHidden.delete(id);
      ele.toggleClass('lod-hide', hide);
      const applied = appliedClasses.get(id);
      if (applied !== undefined)
        appliedClasses.set(
          id,
          withLod(
            id,
            applied.split(' ').filter((c) => c && c !== 'lod-hide'),
          ).join(' '),
        );
    },
  };
}
