/** The workspace's people, as a list (owners to pick) and by id (owners to show). */

import { useQuery } from '@tanstack/react-query';
import type { PersonRef } from '@treeline/core';
import type { Person } from '../lib/api';
import { peopleQuery } from './queries';

const NO_PEOPLE: Person[] = [];
const NO_ONE: ReadonlyMap<string, PersonRef> = new Map();

const byId = (people: Person[]): ReadonlyMap<string, PersonRef> =>
  new Map(people.map((p) => [p.id, { id: p.id, name: p.name, initials: p.initials }]));

/** @example const people = usePeople(); */
export function usePeople(): Person[] {
  return useQuery(peopleQuery()).data ?? NO_PEOPLE;
}

/** @example usePeopleById().get(personId)?.initials */
export function usePeopleById(): ReadonlyMap<string, PersonRef> {
  return useQuery({ ...peopleQuery(), select: byId }).data ?? NO_ONE;
}
